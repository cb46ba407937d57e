#!/usr/bin/env node
// The package "bin": registers tsx so Node runs the TypeScript CLI directly (no build step).
import { register } from "tsx/esm/api";

register();
await import("./fairgate.ts");
