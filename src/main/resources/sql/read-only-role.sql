-- A role that can only read observability_events. Run this as the database's owner, with your own password,
-- then add the environment again with it: control-room env add NAME --url 'postgresql://rollout_reader@HOST:PORT/DB' --password-stdin
CREATE ROLE rollout_reader LOGIN PASSWORD 'choose-a-strong-password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
GRANT CONNECT ON DATABASE {{database}} TO rollout_reader;
GRANT USAGE ON SCHEMA {{schema}} TO rollout_reader;
GRANT SELECT ON {{schema}}.observability_events TO rollout_reader;
ALTER ROLE rollout_reader SET default_transaction_read_only = on;
