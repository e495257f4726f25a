"""Typed errors to translated, plain-language messages (the edge where codes become words)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspectorapp.errors import (
    FieldIssue,
    ValidationError,
    VeldwerkError,
)


def _t(text: object) -> str:
    return QCoreApplication.translate("messages", str(text))


def field_name(field: str) -> str:
    names = {
        "passphrase": QT_TRANSLATE_NOOP("messages", "Passphrase"),
        "passphrase_repeat": QT_TRANSLATE_NOOP("messages", "Repeated passphrase"),
        "title": QT_TRANSLATE_NOOP("messages", "Title"),
        "name": QT_TRANSLATE_NOOP("messages", "Name"),
        "observation": QT_TRANSLATE_NOOP("messages", "Observation"),
        "organisation_id": QT_TRANSLATE_NOOP("messages", "Organisation"),
        "kind": QT_TRANSLATE_NOOP("messages", "Kind"),
        "valence": QT_TRANSLATE_NOOP("messages", "Valence"),
        "text": QT_TRANSLATE_NOOP("messages", "Text"),
        "paragraphs": QT_TRANSLATE_NOOP("messages", "Paragraph"),
        "subjects": QT_TRANSLATE_NOOP("messages", "Subjects"),
        "evidence": QT_TRANSLATE_NOOP("messages", "Evidence"),
        "value": QT_TRANSLATE_NOOP("messages", "Value"),
        "file": QT_TRANSLATE_NOOP("messages", "File"),
        "observed_at": QT_TRANSLATE_NOOP("messages", "Observed at"),
        "review_by": QT_TRANSLATE_NOOP("messages", "Review by"),
        "started_on": QT_TRANSLATE_NOOP("messages", "Start date"),
        "ended_on": QT_TRANSLATE_NOOP("messages", "End date"),
        "password": QT_TRANSLATE_NOOP("messages", "Password"),
        "theme_code": QT_TRANSLATE_NOOP("messages", "Theme"),
        "what_we_see": QT_TRANSLATE_NOOP("messages", "What we see"),
        "what_we_think": QT_TRANSLATE_NOOP("messages", "What we think of it"),
        "what_next": QT_TRANSLATE_NOOP("messages", "What next"),
        "traffic_light": QT_TRANSLATE_NOOP("messages", "Traffic light"),
        "signal_id": QT_TRANSLATE_NOOP("messages", "Signal"),
        "action_type": QT_TRANSLATE_NOOP("messages", "Action"),
        "finding_id": QT_TRANSLATE_NOOP("messages", "Finding"),
        "visit_id": QT_TRANSLATE_NOOP("messages", "Visit"),
        "done_on": QT_TRANSLATE_NOOP("messages", "Done on"),
        "planned_on": QT_TRANSLATE_NOOP("messages", "Planned on"),
        "outcome": QT_TRANSLATE_NOOP("messages", "Outcome"),
        "moment": QT_TRANSLATE_NOOP("messages", "Moment"),
        "report_date": QT_TRANSLATE_NOOP("messages", "Report date"),
        "sections": QT_TRANSLATE_NOOP("messages", "Sections"),
        "judgement_mode": QT_TRANSLATE_NOOP("messages", "Judgement"),
        "status": QT_TRANSLATE_NOOP("messages", "Status"),
        "to_status": QT_TRANSLATE_NOOP("messages", "Status"),
        "rationale": QT_TRANSLATE_NOOP("messages", "Rationale"),
        "next_review_on": QT_TRANSLATE_NOOP("messages", "Next review"),
        "next_step": QT_TRANSLATE_NOOP("messages", "Next step"),
        "next_step_owner": QT_TRANSLATE_NOOP("messages", "Owner of the next step"),
        "next_step_due": QT_TRANSLATE_NOOP("messages", "Next step due"),
        "alternatives": QT_TRANSLATE_NOOP("messages", "Alternative explanations"),
        "open_questions": QT_TRANSLATE_NOOP("messages", "Open questions"),
        "hypothesis": QT_TRANSLATE_NOOP("messages", "Hypothesis"),
        "hypothesis_id": QT_TRANSLATE_NOOP("messages", "Hypothesis"),
        "statement": QT_TRANSLATE_NOOP("messages", "Hypothesis"),
        "role": QT_TRANSLATE_NOOP("messages", "Role"),
        "rating": QT_TRANSLATE_NOOP("messages", "Rating"),
        "owner": QT_TRANSLATE_NOOP("messages", "Owner"),
        "network_id": QT_TRANSLATE_NOOP("messages", "Network"),
        "concern_id": QT_TRANSLATE_NOOP("messages", "Concern"),
        "decided_by": QT_TRANSLATE_NOOP("messages", "Decided by"),
        "decided_on": QT_TRANSLATE_NOOP("messages", "Decision date"),
        "return_on": QT_TRANSLATE_NOOP("messages", "Come back on"),
        "deliberation_id": QT_TRANSLATE_NOOP("messages", "Overleg"),
        "items": QT_TRANSLATE_NOOP("messages", "What it is about"),
        "holder": QT_TRANSLATE_NOOP("messages", "Account holder"),
        "since": QT_TRANSLATE_NOOP("messages", "Since"),
        "reason": QT_TRANSLATE_NOOP("messages", "Reason"),
        "subject": QT_TRANSLATE_NOOP("messages", "Organisation or network"),
        "held_on": QT_TRANSLATE_NOOP("messages", "Date"),
        "participants": QT_TRANSLATE_NOOP("messages", "Participants"),
        "chair": QT_TRANSLATE_NOOP("messages", "Chair"),
        "agenda": QT_TRANSLATE_NOOP("messages", "Agenda"),
    }
    base = field.split("[", 1)[0]
    return _t(names.get(base, base))


def issue_text(issue: FieldIssue) -> str:
    name = field_name(issue.field)
    p = issue.params
    texts = {
        "required": QT_TRANSLATE_NOOP("messages", "{field} is required."),
        "too_long": QT_TRANSLATE_NOOP(
            "messages", "{field} is too long ({actual} characters; at most {max})."
        ),
        "too_short": QT_TRANSLATE_NOOP("messages", "{field} is too short (at least {min} characters)."),
        "mismatch": QT_TRANSLATE_NOOP("messages", "The two passphrases differ."),
        "other_account": QT_TRANSLATE_NOOP(
            "messages", "This laptop holds changes of another user that were not sent yet."
        ),
        "invalid_choice": QT_TRANSLATE_NOOP(
            "messages", "{field}: “{value}” is not one of the allowed values."
        ),
        "changed_since": QT_TRANSLATE_NOOP(
            "messages", "This value was changed again since; look at the current version first."
        ),
        "unknown_code": QT_TRANSLATE_NOOP("messages", "{field}: “{value}” is not in the framework."),
        "invalid_date": QT_TRANSLATE_NOOP("messages", "{field}: “{value}” is not a valid date."),
        "out_of_range": QT_TRANSLATE_NOOP("messages", "{field} is out of range."),
        "invalid_format": QT_TRANSLATE_NOOP("messages", "{field} has an invalid format."),
        "invalid_type": QT_TRANSLATE_NOOP("messages", "{field} has the wrong type of value."),
        "invalid_character": QT_TRANSLATE_NOOP(
            "messages", "{field} contains a character that cannot be stored."
        ),
        "invalid_reference": QT_TRANSLATE_NOOP(
            "messages", "{field} refers to something that does not exist."
        ),
        "before_start": QT_TRANSLATE_NOOP("messages", "{field} lies before the start date."),
        "duplicate": QT_TRANSLATE_NOOP("messages", "{field}: this already exists."),
        "unreadable_file": QT_TRANSLATE_NOOP("messages", "The file “{value}” cannot be read."),
        "participant_absent": QT_TRANSLATE_NOOP("messages", "This participant is marked absent."),
        "not_in_conversation": QT_TRANSLATE_NOOP("messages", "{field} belongs to another conversation."),
        "not_allowed": QT_TRANSLATE_NOOP("messages", "{field} does not fit this item."),
        "not_shared": QT_TRANSLATE_NOOP(
            "messages", "{field}: only a signal the whole team sees fits here, not one of an inspection."
        ),
        "not_soft": QT_TRANSLATE_NOOP(
            "messages", "Only a soft signal is converted; a hard one can be evidence as it is."
        ),
        "confidential": QT_TRANSLATE_NOOP("messages", "A confidential signal can never appear in a report."),
        "confidential_item": QT_TRANSLATE_NOOP(
            "messages",
            "A confidential item is never released for the report. Change its confidentiality first.",
        ),
        "already_converted": QT_TRANSLATE_NOOP(
            "messages", "This signal has already been converted into a finding."
        ),
        "substantiation_required": QT_TRANSLATE_NOOP(
            "messages",
            "Add at least one further piece of evidence that may appear in a report (a marked note, "
            "a hard signal, an observation): a soft signal alone is not a finding.",
        ),
        "converted_signal_required": QT_TRANSLATE_NOOP(
            "messages", "This finding substantiates a soft signal; that signal must stay among its evidence."
        ),
        "traffic_lights_set": QT_TRANSLATE_NOOP(
            "messages",
            "Findings still carry traffic lights. Remove them first; then the judgement can be formative.",
        ),
        "hardening_required": QT_TRANSLATE_NOOP(
            "messages",
            "A signal is made hard only with a reason in the data: a signal that hardens it, "
            "or a finding it was converted into.",
        ),
        "unchanged": QT_TRANSLATE_NOOP("messages", "{field}: this is already the current value."),
        "not_attached": QT_TRANSLATE_NOOP("messages", "This signal is not attached to the concern."),
        "rationale_no_action": QT_TRANSLATE_NOOP(
            "messages",
            "A decision not to act needs a rationale: should something go wrong after all, the team "
            "must be able to account for it.",
        ),
        "rationale_enforcement": QT_TRANSLATE_NOOP(
            "messages",
            "Enforcement needs a rationale: the team must be able to account for this step afterwards.",
        ),
        "in_the_past": QT_TRANSLATE_NOOP(
            "messages", "{field} lies in the past: choose today or a later day."
        ),
        "in_the_future": QT_TRANSLATE_NOOP("messages", "{field} lies in the future."),
        "not_of_subject": QT_TRANSLATE_NOOP(
            "messages", "{field} belongs to another organisation or network."
        ),
        "one_subject": QT_TRANSLATE_NOOP(
            "messages", "A concern is about exactly one organisation or one network."
        ),
        "has_decisions": QT_TRANSLATE_NOOP(
            "messages", "Decisions were taken in this meeting; they stay on record, so it cannot be deleted."
        ),
        "far_future": QT_TRANSLATE_NOOP("messages", "{field} lies too far ahead (at most {latest})."),
        "evidence_required": QT_TRANSLATE_NOOP(
            "messages", "A score other than neutral needs evidence: pick a note or event from the session."
        ),
    }
    template = _t(texts.get(issue.problem, QT_TRANSLATE_NOOP("messages", "{field} is invalid.")))
    return template.format(field=name, **{k: v for k, v in p.items() if k != "field"})


def message_for(error: BaseException) -> str:
    """One or more sentences for the user. Unknown errors get a generic text; the
    details go to the log, never a traceback in a dialog."""
    if isinstance(error, ValidationError):
        return " ".join(issue_text(i) for i in error.issues)
    if isinstance(error, VeldwerkError):
        texts = {
            "wrong_passphrase": QT_TRANSLATE_NOOP(
                "messages",
                "This passphrase does not open the database. Nothing was changed; try again.",
            ),
            "store_not_found": QT_TRANSLATE_NOOP("messages", "No database found. Create a new one."),
            "store_exists": QT_TRANSLATE_NOOP(
                "messages", "A database already exists here; unlock it instead."
            ),
            "store_corrupt": QT_TRANSLATE_NOOP(
                "messages",
                "The database is damaged. A backup is in the backups folder; contact support.",
            ),
            "store_too_new": QT_TRANSLATE_NOOP(
                "messages", "This database was made by a newer version of Veldwerk. Update the app."
            ),
            "framework_file": QT_TRANSLATE_NOOP("messages", "The framework file was refused: {reason}"),
            "demo_data": QT_TRANSLATE_NOOP("messages", "The demo data could not be loaded: {error}"),
            "not_found": QT_TRANSLATE_NOOP("messages", "This item no longer exists."),
            "import_refused": QT_TRANSLATE_NOOP("messages", "The import was refused: {reason}"),
            "rescue_file": QT_TRANSLATE_NOOP("messages", "The rescue file cannot be opened: {reason}"),
            "export_is_folder": QT_TRANSLATE_NOOP(
                "messages", "{path} is a folder. Choose a file name to export to."
            ),
            "export_no_folder": QT_TRANSLATE_NOOP(
                "messages", "The folder of {path} does not exist. Nothing was written."
            ),
            "export_not_writable": QT_TRANSLATE_NOOP(
                "messages", "{path} cannot be written here (no permission). Nothing was written."
            ),
            "export_write_failed": QT_TRANSLATE_NOOP(
                "messages", "{path} could not be written (disk full or removed?). Nothing was written."
            ),
            "attachment_empty": QT_TRANSLATE_NOOP("messages", "The file is empty."),
            "attachment_too_large": QT_TRANSLATE_NOOP("messages", "The file is too large to attach."),
            "attachment_unsupported_type": QT_TRANSLATE_NOOP(
                "messages", "This kind of file cannot be attached (photos, PDF, Office and text files can)."
            ),
            "attachment_unreadable_image": QT_TRANSLATE_NOOP(
                "messages", "The image cannot be read: the file is damaged or not an image."
            ),
            "attachment_duplicate": QT_TRANSLATE_NOOP("messages", "This file is already attached here."),
            "attachment_missing": QT_TRANSLATE_NOOP(
                "messages", "The attachment's file is missing on this laptop."
            ),
            "attachment_tampered": QT_TRANSLATE_NOOP(
                "messages", "The attachment's file was changed outside Veldwerk and is not shown."
            ),
            "attachment_invalid_hash": QT_TRANSLATE_NOOP("messages", "The attachment reference is invalid."),
        }
        template = _t(texts.get(error.code, QT_TRANSLATE_NOOP("messages", "Something went wrong: {error}")))
        return template.format(error=str(error), **error.params)
    return _t(QT_TRANSLATE_NOOP("messages", "Something went wrong: {error}")).format(
        error=type(error).__name__
    )
