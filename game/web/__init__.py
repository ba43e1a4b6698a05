"""The browser edition (issue 17): the bridge the page's Web Worker calls (`bridge.py`). The site
builder and the HTML front end are still to come; the model under Pyodide already plays the
same games as here (tests/web)."""
