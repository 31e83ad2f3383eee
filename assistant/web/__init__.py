"""The web layer: the Gradio page (page.py and a module per tab), the JSON API (api.py) and the server
process (server.py), around the engine they share (service.py). Nothing below this package imports it;
`app.py` and `budgetqa serve` start it."""

import os

os.environ.setdefault(
    "GRADIO_ANALYTICS_ENABLED", "False"
)  # before gradio is imported: no calls home, the network is closed
