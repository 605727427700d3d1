"""The Telegram edge: message texts and keyboards (views), callback data, notices, the sender."""
