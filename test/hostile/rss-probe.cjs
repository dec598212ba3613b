// Loaded with --require into a CLI child: at exit, writes the process's peak resident memory (KiB) to the file
// named by CALPUMP_TEST_RSS_FILE, so a test can assert bounded memory without sampling.
const { writeFileSync } = require('node:fs');
const file = process.env.CALPUMP_TEST_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
