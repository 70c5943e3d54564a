-- Cluster membership for Orleans' ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet) on
-- PostgreSQL: one version row per deployment (the membership table's ETag) and one row per silo.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)  NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45)   NOT NULL,
    Port         integer       NOT NULL,
    Generation   integer       NOT NULL,
    SiloName     varchar(150)  NOT NULL,
    HostName     varchar(150)  NOT NULL,
    Status       integer       NOT NULL,
    ProxyPort    integer       NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime    timestamptz   NOT NULL,
    IAmAliveTime timestamptz   NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId::varchar)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT COUNT(*)::integer FROM inserted;
'),
-- A silo joins only if the table version it read is still current; the version moves on with it.
('InsertMembershipKey', '
WITH version AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId::varchar AND Version = @Version::integer
    RETURNING 1
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT @DeploymentId::varchar, @Address::varchar, @Port::integer, @Generation::integer, @SiloName::varchar,
           @HostName::varchar, @Status::integer, @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz
    WHERE EXISTS (SELECT 1 FROM version)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT COUNT(*)::integer FROM inserted;
'),
('UpdateMembershipKey', '
WITH version AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId::varchar AND Version = @Version::integer
    RETURNING 1
), updated AS (
    UPDATE OrleansMembershipTable
    SET Status = @Status::integer, SuspectTimes = @SuspectTimes::varchar, IAmAliveTime = @IAmAliveTime::timestamptz
    WHERE DeploymentId = @DeploymentId::varchar AND Address = @Address::varchar AND Port = @Port::integer
      AND Generation = @Generation::integer AND EXISTS (SELECT 1 FROM version)
    RETURNING 1
)
SELECT COUNT(*)::integer FROM updated;
'),
('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime::timestamptz
WHERE DeploymentId = @DeploymentId::varchar AND Address = @Address::varchar AND Port = @Port::integer
  AND Generation = @Generation::integer;
'),
('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
  ON v.DeploymentId = m.DeploymentId AND m.Address = @Address::varchar AND m.Port = @Port::integer
 AND m.Generation = @Generation::integer
WHERE v.DeploymentId = @DeploymentId::varchar;
'),
('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
WHERE v.DeploymentId = @DeploymentId::varchar;
'),
('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId::varchar;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId::varchar;
'),
('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId::varchar AND Status = @Status::integer AND ProxyPort > 0;
'),
('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId::varchar AND IAmAliveTime < @IAmAliveTime::timestamptz AND Status != 3;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
