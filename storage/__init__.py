"""SQLite storage through sqlite-utils: one WAL file, forward migrations, small repositories behind one `Store`."""

from .campaigns import Campaign
from .db import NotFound, StorageError, backup
from .migrations import LATEST, MIGRATIONS, SchemaTooNew, upgrade
from .org import ROLES, Unit, User
from .org_import import OrgImportError, OrgImportResult, import_org_csv
from .outbox import OutboxItem
from .reports import AUTOMATIC, STATUSES, Change, StoredReport, report_changes
from .store import Store

__all__ = [
    "AUTOMATIC", "Campaign", "Change", "LATEST", "MIGRATIONS", "NotFound", "OrgImportError", "OrgImportResult", "OutboxItem",
    "ROLES", "STATUSES", "SchemaTooNew", "StorageError", "Store", "StoredReport", "Unit", "User",
    "backup", "import_org_csv", "report_changes", "upgrade",
]
