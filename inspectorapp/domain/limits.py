"""Maximum text lengths, shared by service validation and database CHECKs."""

CODE = 40  # taxonomy codes
NAME = 200  # names, titles, labels
SHORT_TEXT = 2_000  # one-line-ish descriptions, reasons, hooks
LONG_TEXT = 20_000  # purpose, hypotheses, findings sections
PARAGRAPH = 100_000  # one note paragraph, one observation: pasted documents stay whole
