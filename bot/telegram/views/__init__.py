"""Message texts and keyboards, one module per feature; pure functions of service results."""
