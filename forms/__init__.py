"""Forms: open, inspect and fill PDF forms in Vietnamese; citizen profiles; the CCCD QR code.

The façade (ARCHITECTURE.md rule 1):
    info = forms.inspect(path, InspectOptions())           # fields and blanks, with meanings
    values = forms.autofill(info.items, {"requester": p})  # item id -> text
    problems = forms.validate(info.items, values)          # per field, translated
    forms.fill(path, out, values, FillOptions(flatten=True))
Profiles: forms.profiles.ProfileStore(folder); QR: forms.qr.read_cccd(photo).
Qt-free; PyMuPDF, OpenCV and zxing-cpp are imported on first use.
"""

from common.facade import install

install(
    __name__,
    {
        # forms.api: the façade's functions
        "InspectOptions": "forms.api",
        "autofill": "forms.api",
        "follow_date_in_words": "forms.api",
        "fill": "forms.api",
        "inspect": "forms.api",
        "is_blank_id": "forms.api",
        "prepare_form": "forms.api",
        "left_for_person": "forms.api",
        # who each blank is about (forms.persons): role names of the fronts
        "known_role_names": "forms.persons",
        "role_from_name": "forms.persons",
        "prepare_pdf": "forms.api",
        "validate": "forms.api",
        # Word forms: conversions through Word or LibreOffice, what to tell the user
        "convert_to_pdf": "forms.docx",
        "fill_word_form": "forms.docx",
        "how_to_save_as_pdf": "forms.docx",
        "is_word_file": "forms.docx",
        "preview_pdf": "forms.docx",
        "why_no_pdf_signature": "forms.docx",
        "sniff_kind": "forms.pdfio",
        # types and helpers the fronts use
        "FillOptions": "forms.fill",
        "FillResult": "forms.fill",
        "value_layout": "forms.fill",
        "FormInfo": "forms.model",
        "FormItem": "forms.model",
        "Rect": "forms.model",
        "PasswordRequired": "forms.pdfio",
        "WrongPassword": "forms.pdfio",
        "open_pdf": "forms.pdfio",
        "Problem": "forms.validate",
        "PROFILE_FIELDS": "forms.profiles",
        "ETHNIC_GROUPS": "forms.profiles",
        "NATIONALITIES": "forms.profiles",
        "SEXES": "forms.profiles",
        "Profile": "forms.profiles",
        "ProfileStore": "forms.profiles",
        "check_profile": "forms.profiles",
        "load_profile": "forms.profiles",
        "new_profile_id": "forms.profiles",
        "read_cccd": "forms.qr",
        "template": "forms.templates",
        "templates": "forms.templates",
        "templates_for_procedure": "forms.templates",
    },
)
