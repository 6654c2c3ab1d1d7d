#!/usr/bin/env node
// Compiles the Solidity sources with the pinned solc-js into deterministic JSON artifacts.
//
//   node contracts/compile.mjs [--node-modules <dir>] [--out <dir>]
//
// Source unit names are relative ("ledger/LedgerManager.sol", "@openzeppelin/contracts/..."),
// so the output is byte-identical whatever the checkout location. Running it twice gives the
// same bytes. Any compiler error, or a warning not listed in ACCEPTED_WARNINGS, fails the run
// with exit code 1. The sources pin `pragma solidity 0.8.28`, so another solc fails too.

import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDir = dirname(fileURLToPath(import.meta.url));
const sourceRoot = join(scriptDir, 'src', 'main', 'solidity');

// The contracts a deployer needs, by source unit and contract name.
const DEPLOYABLES = [
  ['ledger/LedgerManager.sol', 'LedgerManager'],
  ['inference/InferenceServing.sol', 'InferenceServing'],
  ['@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol', 'BeaconProxy'],
  ['@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol', 'UpgradeableBeacon'],
];

// Fixed compiler settings: changing any of them changes every artifact.
const SETTINGS = {
  evmVersion: 'cancun',
  viaIR: true,
  optimizer: { enabled: true, runs: 1000 },
  metadata: { bytecodeHash: 'none' },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

// Warnings we accept, by solc error code, and why.
const ACCEPTED_WARNINGS = {
  // "Transient storage ... can break composability": our transient flags are re-entrancy locks
  // that are always cleared before the call returns, which is the documented safe use.
  2394: 'transient storage re-entrancy locks',
};

function fail(message) {
  console.error(`compile.mjs: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = {
    nodeModules: resolve(scriptDir, '..', 'tools', 'node', 'node_modules'),
    out: join(scriptDir, 'src', 'main', 'resources', 'ai', 'zerog', 'compute', 'contracts'),
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--node-modules' && value) { options.nodeModules = resolve(value); i++; }
    else if (argv[i] === '--out' && value) { options.out = resolve(value); i++; }
    else fail(`unknown or incomplete argument '${argv[i]}' (usage: --node-modules <dir> --out <dir>)`);
  }
  return options;
}

function solidityFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...solidityFiles(path));
    else if (name.endsWith('.sol')) found.push(path);
  }
  return found;
}

function unitName(path) {
  return relative(sourceRoot, path).split(sep).join('/');
}

function loadSolc(nodeModules) {
  if (!existsSync(join(nodeModules, 'solc'))) {
    fail(`solc not found in ${nodeModules}; run 'npm ci' in tools/node first`);
  }
  return createRequire(join(nodeModules, 'noop.js'))('solc');
}

function compile(solc, nodeModules) {
  const sources = {};
  for (const path of solidityFiles(sourceRoot)) sources[unitName(path)] = { content: readFileSync(path, 'utf8') };
  for (const [unit] of DEPLOYABLES) {
    if (!sources[unit] && unit.startsWith('@openzeppelin/')) {
      sources[unit] = { content: readFileSync(join(nodeModules, unit), 'utf8') };
    }
  }
  const findImports = (unit) => {
    const base = unit.startsWith('@openzeppelin/') ? nodeModules : sourceRoot;
    const path = join(base, unit);
    return existsSync(path) ? { contents: readFileSync(path, 'utf8') } : { error: `not found: ${unit}` };
  };
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const problems = (output.errors || []).filter(
    (e) => e.severity === 'error' || (e.severity === 'warning' && !ACCEPTED_WARNINGS[e.errorCode]),
  );
  for (const problem of problems) console.error(problem.formattedMessage || problem.message);
  if (problems.length > 0) fail(`${problems.length} compiler error(s)/warning(s)`);
  return output;
}

function writeArtifacts(output, outDir, solcVersion) {
  mkdirSync(outDir, { recursive: true });
  for (const [unit, name] of DEPLOYABLES) {
    const contract = output.contracts?.[unit]?.[name];
    if (!contract) fail(`no output for ${unit}:${name}`);
    const artifact = {
      contractName: name,
      abi: contract.abi,
      bytecode: '0x' + contract.evm.bytecode.object,
      deployedBytecode: '0x' + contract.evm.deployedBytecode.object,
    };
    if (artifact.bytecode === '0x') fail(`${name} has no bytecode (abstract?)`);
    writeFileSync(join(outDir, `${name}.json`), JSON.stringify(artifact, null, 2) + '\n');
  }
  const { outputSelection, ...settings } = SETTINGS;
  const compiler = { solcVersion, settings };
  writeFileSync(join(outDir, 'compiler.json'), JSON.stringify(compiler, null, 2) + '\n');
}

const options = parseArgs(process.argv.slice(2));
const solc = loadSolc(options.nodeModules);
writeArtifacts(compile(solc, options.nodeModules), options.out, solc.version());
console.log(`compiled ${DEPLOYABLES.length} contracts with solc ${solc.version()} into ${options.out}`);
