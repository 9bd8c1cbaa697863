-- Runs once, when the database volume is first created. The application's
-- pool logs in as srdi_app, a role that owns nothing and is bound by
-- row-level security; the migrations (run as the owner, srdi) grant it what
-- it may do. Creating it here, with a login, lets APP_DATABASE_URL use it.
CREATE ROLE srdi_app LOGIN PASSWORD 'srdi_app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
