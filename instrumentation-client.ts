// Runs in the browser before the app's code. zod probes for `new Function` support on first use
// (to compile faster validators); under our Content-Security-Policy (no 'unsafe-eval') the probe
// is refused and reported as a violation. Validators work the same without it.
import { z } from "zod";

z.config({ jitless: true });
