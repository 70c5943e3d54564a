-- Grain state for Orleans' ADO.NET grain storage provider (Microsoft.Orleans.Persistence.AdoNet) on PostgreSQL.
-- The provider reads its statements from OrleansQuery; these implement its query contract.
-- A row's Version is the grain state's ETag: every write and clear must name the version it read.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              varchar(150) NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    PayloadBinary          bytea        NULL,
    Version                integer      NOT NULL,
    ModifiedOn             timestamptz  NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain ON OrleansStorage
(
    ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, COALESCE(GrainIdExtensionString, '')
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId::varchar
  AND GrainTypeHash = @GrainTypeHash::integer AND GrainTypeString = @GrainTypeString::varchar
  AND GrainIdHash = @GrainIdHash::integer AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(@GrainIdExtensionString::varchar, '''');
'),
-- A first write (no version yet) inserts; a later write updates only the version it read. One statement,
-- so it is atomic; on a version conflict (or a first write over an existing row) it returns no row.
('WriteToStorageKey', '
WITH inserted AS (
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeHash, GrainTypeString, GrainIdHash, GrainIdN0, GrainIdN1, GrainIdExtensionString,
         PayloadBinary, Version, ModifiedOn)
    SELECT @ServiceId::varchar, @GrainTypeHash::integer, @GrainTypeString::varchar, @GrainIdHash::integer,
           @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainIdExtensionString::varchar, @PayloadBinary::bytea, 1, now()
    WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
), updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary::bytea, Version = Version + 1, ModifiedOn = now()
    WHERE @GrainStateVersion::integer IS NOT NULL
      AND ServiceId = @ServiceId::varchar
      AND GrainTypeHash = @GrainTypeHash::integer AND GrainTypeString = @GrainTypeString::varchar
      AND GrainIdHash = @GrainIdHash::integer AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint
      AND COALESCE(GrainIdExtensionString, '''') = COALESCE(@GrainIdExtensionString::varchar, '''')
      AND Version = @GrainStateVersion::integer
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM inserted
UNION ALL
SELECT Version FROM updated;
'),
-- Clearing keeps the row (and so the version sequence) with no payload: a stale writer still conflicts.
('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
WHERE ServiceId = @ServiceId::varchar
  AND GrainTypeHash = @GrainTypeHash::integer AND GrainTypeString = @GrainTypeString::varchar
  AND GrainIdHash = @GrainIdHash::integer AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(@GrainIdExtensionString::varchar, '''')
  AND Version = @GrainStateVersion::integer
RETURNING Version;
'),
('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId::varchar
  AND GrainTypeHash = @GrainTypeHash::integer AND GrainTypeString = @GrainTypeString::varchar
  AND GrainIdHash = @GrainIdHash::integer AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(@GrainIdExtensionString::varchar, '''')
  AND Version = @GrainStateVersion::integer
RETURNING Version + 1;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
