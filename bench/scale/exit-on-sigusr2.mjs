// Loaded with `--import` into a service the scale bench profiles (`--cpu-prof`): SIGUSR2 ends the
// process through process.exit, the path on which V8 writes the CPU profile (a death by SIGTERM writes
// none). The bench sends it instead of SIGTERM to the services it profiles.
process.on('SIGUSR2', () => process.exit(0));
