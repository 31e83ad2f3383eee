"""预算公开问答助手 — the web app: `python app.py` serves the chat page and the JSON API, with the bundled
sample ingested on first start (same as `budgetqa serve`; the options: `python app.py -h`). The page, the
API and the server process live in `assistant/web/`."""

from assistant.web.server import main

if __name__ == "__main__":
    main()
