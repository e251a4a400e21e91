"""The services of Eingang: one function per operation, called by the CLI, the web app and the
workers alike — processing a stored message, changing a consultation (status, assignment,
topics, authority, priority; each audited), answers, notes, tasks, threading,
acknowledgements, the outbox, chat sessions and accounts.

``casework.runtime.Runtime`` holds the values a process shares; it is composed in
``eingang.runtime`` and passed in. Nothing here imports web, the CLI or the queue."""
