"""Pyatiletka: an educational strategy game about Soviet industrialization, 1928-1941."""

__version__ = "0.1.0"
