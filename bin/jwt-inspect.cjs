#!/usr/bin/env node
'use strict';
require('../dist/boot.cjs').run(process.argv.slice(2));
