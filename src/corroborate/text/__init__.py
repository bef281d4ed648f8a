"""Pure text helpers: no I/O, no state."""
