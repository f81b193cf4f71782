#!/usr/bin/env bash
# npm run test:supabase (part of npm test) — what a Supabase user runs, against a fresh database on
# the PostgreSQL server at DATABASE_URL, prepared as a Supabase project is before any migration
# (supabase/compat): `supabase db push`, pushed again to find nothing to do, `supabase db lint`
# failing on any error, and the pgTAP tests (scripts/pgtap.sh, as `supabase test db` runs them).
# The database is dropped at the end. Skipped, saying so, when DATABASE_URL is not set.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ]; then
	echo "test:supabase: skipped: DATABASE_URL is not set (the Supabase CLI checks need a PostgreSQL server; CI sets it)"
	exit 0
fi
supabase=node_modules/.bin/supabase
name="jalons_supabase_ci_$$_$(date +%s)"
# The same server, another database; the CLI wants sslmode spelled out for a server without TLS.
url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$DATABASE_URL" "$name")
cli_url=$(node -e 'const u = new URL(process.argv[1]); if (!u.searchParams.has("sslmode")) u.searchParams.set("sslmode", "disable"); console.log(u.href)' "$url")
admin=(psql -X -q -At -v ON_ERROR_STOP=1 -d "$DATABASE_URL")

if [ "$("${admin[@]}" -c "select count(*) from pg_available_extensions where name = 'plpgsql_check'")" = 0 ]; then
	echo "test:supabase: the server has no plpgsql_check, which supabase db lint needs: on Debian, apt-get install postgresql-15-plpgsql-check (for PostgreSQL 15)" >&2
	exit 1
fi

"${admin[@]}" -c "create database $name"
trap '"${admin[@]}" -c "drop database if exists $name with (force)"' EXIT
echo "test:supabase: database $name, prepared with supabase/compat"
for f in supabase/compat/*.sql; do
	psql -X -q -v ON_ERROR_STOP=1 -1 -d "$url" -f "$f"
done

echo "test:supabase: supabase db push"
"$supabase" db push --db-url "$cli_url" --yes
again=$("$supabase" db push --db-url "$cli_url" --yes 2>&1)
echo "$again"
if ! grep -qx "Remote database is up to date." <<<"$again"; then
	echo "test:supabase: a second supabase db push found something to do" >&2
	exit 1
fi

echo "test:supabase: supabase db lint"
"$supabase" db lint --db-url "$cli_url" --fail-on error

echo "test:supabase: pgTAP (supabase/tests/database) with pg_prove"
bash scripts/pgtap.sh "$url"
