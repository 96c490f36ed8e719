#!/usr/bin/env node
import { main } from '../dist/cli/main.js';
import { createProcessIo } from '../dist/io/process-io.js';

process.exitCode = await main(process.argv.slice(2), createProcessIo());
