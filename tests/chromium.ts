// How Debian's Chromium is launched here, for the e2e tests and the benchmarks alike: Playwright
// cannot download its own browser on this network, and background connections are refused.
export const chromiumLaunch = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
};
