-- ASP.NET Core Data Protection key ring (PersistKeysToDbContext): every instance on this database shares the keys
-- that sign export links. Xml holds one <key> element, encrypted when a certificate is configured.
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NULL,
    xml TEXT NULL
);
