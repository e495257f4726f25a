"""Rendering of inspection reports: `ReportContent` in, PDF bytes out (`reports.pdf.render_pdf`)."""
