"""Errors that reach a user as a plain message, never as a traceback."""


class UserError(Exception):
    """A problem with something the user supplied (a file, an argument, a directive).

    The message names what and where; the CLI prints it on one line and exits with `exit_code`.
    """

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
