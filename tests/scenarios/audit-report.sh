# The HTML reports of audit and compare, opened in headless Chromium driven through the DevTools
# protocol (tests/lib/cdp_page.py): no console error, no network request, the charts in the DOM
# with the expected counts, a hostile field name shown as text, and a screenshot under target/.
# Needs Debian's chromium (and a font package); without it the scenario is skipped, unless
# MESSER_REQUIRE_CHROMIUM=1 (set by .ci/run, which installs them), which makes it fail.
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
  [ -n "${MESSER_REQUIRE_CHROMIUM:-}" ] && fail "chromium is not installed (apt-get install chromium fonts-dejavu-core)"
  echo "chromium is not installed (apt-get install chromium fonts-dejavu-core)"
  exit 77
fi
cp "$FIXTURES/two-tiers.ini" tiers.ini
export MESSER_CONFIG="$SANDBOX/tiers.ini"
hostile='<img src=x onerror=document.title=1><script>document.title=2</script>\u001b[2J'

run "$MESSER" configure local
expect_status 0
"$MESSER" encryption create local app --silent
"$MESSER" data bag create local web --silent
"$MESSER" data bag create local web --profile prod --silent
printf '{"id": "db", "user": "admin", "%s": "dev-only"}' "$hostile" > db.json
MESSER_ITEM_FORMAT=1 "$MESSER" data bag from file local web db.json --secret-file app --silent
printf '{"id": "api", "token": "t-dev"}' > api.json
"$MESSER" data bag from file local web api.json --secret-file app --silent
"$MESSER" encryption increment local app --silent
"$MESSER" data bag create local ops --silent
printf '{"id": "cron", "schedule": "hourly"}' > cron.json
"$MESSER" data bag from file local ops cron.json --secret-file app --silent
printf '{"id": "db", "user": "admin"}' > db-prod.json
"$MESSER" data bag from file local web db-prod.json --secret-file app --profile prod --silent

run "$MESSER" audit local --profiles dev,prod --format html -o audit.html
expect_status 1
expect_err_contains 'Wrote audit.html (mode 0600).'
[ "$(stat -c %a audit.html)" = 600 ] || fail "audit.html is not mode 0600"
run "$MESSER" compare local --profiles dev,prod --format html -o compare.html
expect_status 1
! grep -q 'dev-only\|t-dev\|hourly' compare.html audit.html || fail "a value is in a report"

mkdir -p "$REPO/target"
# dev: app v0 seals 2 items (old), v1 one; prod: v1 one. Two versions in each tier. Formats: dev 1 and 2, prod 2.
run python3 "$REPO/tests/lib/cdp_page.py" "$chromium" audit.html "$REPO/target/audit-report.png" \
  'svg[data-chart="items-per-version"] rect.segment=3' 'svg[data-chart="items-per-version"] rect.segment.old=1' \
  'svg[data-chart="key-ages"] rect.age=4' 'svg[data-chart="key-ages"] line.limit=1' \
  'svg[data-chart="item-formats"] rect.format=3' 'svg[data-chart="item-formats"] rect.f1=1' \
  '#findings tbody tr=5' 'script, img, iframe, object, embed=0'
expect_status 0
# 3 items in 2 tiers; prod lacks web/api and ops/cron; the hostile field name is text in the missing table
run python3 "$REPO/tests/lib/cdp_page.py" "$chromium" compare.html "$REPO/target/compare-report.png" \
  'svg[data-chart="presence"] rect.cell=6' 'svg[data-chart="presence"] rect.cell.absent=2' \
  '#equal tbody tr=1' 'script, img, iframe, object, embed=0'
expect_status 0
grep -q '&lt;img src=x onerror=document.title=1&gt;&lt;script&gt;document.title=2&lt;~1script&gt;\\x1b\[2J' compare.html \
  || fail "the hostile field name is not shown escaped"
[ -s "$REPO/target/audit-report.png" ] && [ -s "$REPO/target/compare-report.png" ] || fail "no screenshot"
