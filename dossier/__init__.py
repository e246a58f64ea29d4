"""The dossier: procedure catalog, the dossier folder (workspace), checklist, packaging, and
`dossier.actions`, everything a user does to a dossier, shared by the GUI and the CLI.

The façade (ARCHITECTURE.md rules 1 and 13): the fronts import from `dossier` only.

    from dossier import Workspace, actions
    workspace = Workspace.open(folder)
    actions.import_files(workspace, "giay-chung-sinh", [photo])
    actions.export_for_upload(workspace, procedure, portal, PackOptions())

Names load on first use (common.facade): importing `dossier` does not load PyMuPDF.
"""

from __future__ import annotations

from common.facade import install

install(
    __name__,
    {
        # what a user does to a dossier
        "actions": "dossier.actions:",
        # the dossier folder and its model
        "Workspace": "dossier.workspace",
        "default_folder_name": "dossier.workspace",
        "is_dossier_folder": "dossier.workspace",
        "Autosaver": "dossier.autosave",
        "Dossier": "dossier.model",
        "DossierFile": "dossier.model",
        "ExportRecord": "dossier.model",
        "FormState": "dossier.model",
        "StampPosition": "dossier.model",
        "Submission": "dossier.model",
        "UiState": "dossier.model",
        "now_iso": "dossier.model",
        "DEFAULT_COMPONENT": "dossier.pages",
        "scan_files": "dossier.pages",
        # state of the workflow steps, listing and tracking
        "DEFAULT_LIMIT_BYTES": "dossier.status",
        "StepState": "dossier.status",
        "StepStatus": "dossier.status",
        "dossier_fingerprint": "dossier.status",
        "forms_status": "dossier.status",
        "pack_status": "dossier.status",
        "scan_status": "dossier.status",
        "sign_status": "dossier.status",
        "step_status": "dossier.status",
        "applicant_name": "dossier.listing",
        "list_dossiers": "dossier.listing",
        "summarize": "dossier.listing",
        "tracking_state": "dossier.tracking",
        # catalog and portal profiles
        "COPY_KIND_LABELS": "dossier.catalog",
        "CatalogSource": "dossier.catalog",
        "DELIVERY_LABELS": "dossier.catalog",
        "LEVEL_LABELS": "dossier.catalog",
        "ProcedureCatalog": "dossier.catalog",
        "SearchQuery": "dossier.catalog",
        "fee_summary": "dossier.catalog",
        "import_catalog": "dossier.catalog",
        "imported_catalog_path": "dossier.catalog",
        "is_unverified": "dossier.catalog",
        "list_portals": "dossier.catalog",
        "load_catalog": "dossier.catalog",
        "load_portal": "dossier.catalog",
        "normalise_level": "dossier.catalog",
        "with_local_agency": "dossier.catalog",
        "read_catalog_file": "dossier.catalog",
        "read_portal_file": "dossier.catalog",
        "remove_imported_catalog": "dossier.catalog",
        "Component": "dossier.catalog_model",
        "PortalProfile": "dossier.catalog_model",
        "Procedure": "dossier.catalog_model",
        "catalog_component_ids": "dossier.components",
        "lookup_procedure": "dossier.components",
        "resolve_component": "dossier.components",
        # checking and packaging
        "Checklist": "dossier.checklist",
        "check": "dossier.checklist",
        "PackOptions": "dossier.packaging",
        "PrintExport": "dossier.packaging",
        "PrintOptions": "dossier.packaging",
        "UploadExport": "dossier.packaging",
        "upload_guide": "dossier.guide",
        "guide_slots": "dossier.guide",
        "delivery_text": "dossier.guide",
        # the submission: choices (`hoso submission`), then the portal's code and the result
        "record_submission": "dossier.actions",
        "record_submitted": "dossier.actions",
        "record_result": "dossier.actions",
        # clerk mode: separator sheets and scanned stacks
        "import_stack": "dossier.separators",
        "make_separator_sheets": "dossier.separators",
        # moving a dossier as one .hoso file
        "ArchiveExportOptions": "dossier.archive:ExportOptions",
        "ArchiveImportOptions": "dossier.archive:ImportOptions",
        "export_dossier": "dossier.archive",
        "import_dossier": "dossier.archive",
    },
)
