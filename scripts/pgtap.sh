#!/usr/bin/env bash
# npm run db:test:pgtap [-- <database URL>] — the pgTAP tests in supabase/tests/database, run the way
# `supabase test db` runs them (which needs Docker): pgTAP enabled in schema `extensions` if it is
# not there (and dropped again after), then pg_prove over the folder. The database is DATABASE_URL's
# unless a URL is given; it must be migrated (npm run db:migrate, or supabase db push).
set -euo pipefail
cd "$(dirname "$0")/.."

url="${1:-${DATABASE_URL:-}}"
if [ -z "$url" ]; then
	echo "db:test:pgtap: no database: set DATABASE_URL or pass a URL (a database migrated with npm run db:migrate)" >&2
	exit 2
fi
if ! command -v pg_prove >/dev/null; then
	echo "db:test:pgtap: pg_prove is missing: on Debian, apt-get install libtap-parser-sourcehandler-pgtap-perl" >&2
	exit 2
fi
psql=(psql -X -q -At -v ON_ERROR_STOP=1 -d "$url")
if [ "$("${psql[@]}" -c "select count(*) from pg_available_extensions where name = 'pgtap'")" = 0 ]; then
	echo "db:test:pgtap: the server has no pgTAP extension: on Debian, apt-get install postgresql-15-pgtap (for PostgreSQL 15)" >&2
	exit 2
fi
if [ "$("${psql[@]}" -c "select count(*) from pg_extension where extname = 'pgtap'")" = 0 ]; then
	trap '"${psql[@]}" -c "drop extension if exists pgtap"' EXIT
	"${psql[@]}" -c "create extension pgtap with schema extensions"
fi
# A Supabase project's roles find extensions on their search_path; a plain PostgreSQL's do not.
PGOPTIONS='-c search_path="$user",public,extensions -c client_min_messages=warning' \
	pg_prove --ext .pg --ext .sql -r -d "$url" supabase/tests/database
