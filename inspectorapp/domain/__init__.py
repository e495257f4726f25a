"""Plain domain types: enums, validation rules, snapshots. No I/O, no Qt."""
