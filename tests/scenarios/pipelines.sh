# Pipelines through bin/messer and real bash: export of items from several bags (eval, env,
# json, envfile), exec over references with --pristine and MESSER_ITEMS, render to a 0600 file,
# and the refusals (refused names, the allowed_variables list) that keep an item writer out of the
# reader's process.
"$MESSER" configure local -m pipes -e dev 2>/dev/null
"$MESSER" encryption create local app --silent
"$MESSER" data bag create local db --silent
"$MESSER" data bag create local api --silent
cat > db.json <<'EOF'
{"id": "main", "password": "it's $HOME `x` \\ \"q\"\nline2 grüße", "db": {"port": 5432}}
EOF
cat > api.json <<'EOF'
{"id": "web", "token": "t0k$(id)"}
EOF
expected=$'it\'s $HOME `x` \\ "q"\nline2 grüße'
"$MESSER" data bag from file local db db.json --secret-file app --silent
"$MESSER" data bag from file local api api.json --secret-file app --silent

# export: eval in this shell
run "$MESSER" export local db/main api/web
expect_status 0
eval "$OUT"
[ "$PASSWORD" = "$expected" ] || fail "PASSWORD after eval differs: [$PASSWORD]"
[ "$TOKEN" = 't0k$(id)' ] || fail "TOKEN after eval is [$TOKEN]"
unset PASSWORD TOKEN DB

# env, sourced with allexport, seen by a child
"$MESSER" export local db/main api/web --format=env > app.env
(set -a; . ./app.env; set +a; bash -c '[ "$PASSWORD" = "$1" ]' sh "$expected") || fail "env round trip"

# json: BAG/ITEM -> fields
run "$MESSER" export local db/main api/web --format json
expect_status 0
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["db/main"]["password"]==sys.argv[2], d; assert d["db/main"]["db"]["port"]==5432' "$OUT" "$expected" \
  || fail "json round trip"

# dotenv refuses the newline, envfile too; export suggested
run "$MESSER" export local db/main --format dotenv
expect_status 1
expect_one_line_err
expect_err_contains "field 'password' of item db/main"
expect_err_contains "--format export"
expect_out_empty
run "$MESSER" export local api/web --format envfile
expect_status 0
[ "$OUT" = 'TOKEN=t0k$(id)' ] || fail "envfile is [$OUT]"

# exec over references, pristine environment, MESSER_PASSPHRASE never reaches the child
MESSER_PASSPHRASE=never-in-child FOO=bar run "$MESSER" exec local db/main api/web --pristine -- \
  bash -c '[ "$PASSWORD" = "$1" ] && [ -z "${FOO-}" ] && [ -z "${MESSER_PASSPHRASE-}" ] && [ "$PATH" = /usr/local/bin:/usr/bin:/bin ] && printf ok' sh "$expected"
expect_status 0
[ "$OUT" = ok ] || fail "pristine child printed [$OUT]"
MESSER_ITEMS="api/web" run "$MESSER" exec local -- bash -c 'printf %s "$TOKEN"'
[ "$OUT" = 't0k$(id)' ] || fail "MESSER_ITEMS child printed [$OUT]"
PASSWORD=set-by-caller run "$MESSER" exec local db/main --no-clobber -- true
expect_status 1
expect_err_contains "--no-clobber"

# an item writer cannot steer the reader: ld_preload and path are refused before anything runs
cat > evil.json <<'EOF'
{"id": "evil", "path": "/tmp/evil-bin", "ld_preload": "/tmp/evil.so"}
EOF
"$MESSER" data bag from file local api evil.json --secret-file app --silent
run "$MESSER" exec local api/evil -- touch ran
expect_status 1
expect_one_line_err
expect_err_contains "PATH"
[ ! -e ran ] || fail "the command ran although a refused variable was named"
run "$MESSER" export local api/evil --prefix APP_ --format env
expect_status 0
expect_out_contains "APP_LD_PRELOAD='/tmp/evil.so'"

# families: a D-Bus address and an index for pip are refused too, and named with their pattern
cat > bus.json <<'EOF'
{"id": "bus", "dbus_session_bus_address": "unixexec:path=/bin/sh", "pip_index_url": "http://evil/simple"}
EOF
"$MESSER" data bag from file local api bus.json --secret-file app --silent
run "$MESSER" exec local api/bus -- touch ran
expect_status 1
expect_one_line_err
expect_err_contains "DBUS_SESSION_BUS_ADDRESS"
expect_err_contains "(DBUS_*)"
[ ! -e ran ] || fail "the command ran although a refused variable was named"

# the allow-list: only DB, DB_* and TOKEN pass, the rest stops before anything runs; --allow-var opens one
"$MESSER" configure local --allowed-variables 'DB DB_* TOKEN' 2>/dev/null
run "$MESSER" exec local api/web -- bash -c 'printf %s "$TOKEN"'
expect_status 0
[ "$OUT" = 't0k$(id)' ] || fail "allowed child printed [$OUT]"
run "$MESSER" exec local db/main -- touch ran
expect_status 1
expect_one_line_err
expect_err_contains "field 'password' of item db/main, as the variable PASSWORD, is outside allowed_variables"
[ ! -e ran ] || fail "the command ran although a variable outside allowed_variables was named"
run "$MESSER" exec local db/main --allow-var PASSWORD -- bash -c '[ "$PASSWORD" = "$1" ] && printf ok' sh "$expected"
[ "$OUT" = ok ] || fail "--allow-var child printed [$OUT]"
"$MESSER" configure local --allowed-variables '' 2>/dev/null

# render: raw values, 0600 output, --check, errors name the placeholder
printf 'password=%s\nport={{db/main/db/port}}\ntoken={{api/web/token}}\n' '{{db/main/password}}' > app.tmpl
"$MESSER" render local app.tmpl -o app.properties --silent
[ "$(stat -c %a app.properties)" = 600 ] || fail "render output is not 0600"
[ "$(sed -n 1p app.properties)" = "password=it's \$HOME \`x\` \\ \"q\"" ] || fail "render line 1: $(sed -n 1p app.properties)"
grep -qx 'token=t0k$(id)' app.properties || fail "render token line"
run "$MESSER" render local app.tmpl --check
expect_status 0
expect_out_empty
printf '{{db/main/nope}}' > bad.tmpl
run "$MESSER" render local bad.tmpl
expect_status 1
expect_one_line_err
expect_err_contains "no field 'nope'"

# a forgiving command line
run "$MESSER" data bag shwo local
expect_status 2
expect_err_contains "did you mean 'messer data bag show'?"
run "$MESSER" -V
expect_status 0
expect_out_contains "messer "
