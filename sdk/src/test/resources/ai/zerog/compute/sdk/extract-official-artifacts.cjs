// Prints {"ledger":{abi,bytecode},"inference":{abi,bytecode}} from the official SDK's typechain
// factories. The factories only need ethers for their base class, so a stub stands in for it and
// the SDK's dependencies need not be installed.
// Usage: node extract-official-artifacts.cjs <unpacked sdk package dir>
const Module = require('module');
const path = require('path');
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'ethers') {
    class ContractFactory {}
    return { ContractFactory, Interface: class {}, Contract: class {} };
  }
  return originalLoad.apply(this, arguments);
};
const root = process.argv[2];
const factory = (rel, name) => {
  const cls = require(path.join(root, 'lib.commonjs', rel))[name];
  return { abi: cls.abi, bytecode: cls.bytecode };
};
process.stdout.write(JSON.stringify({
  ledger: factory('ledger/contract/typechain/factories/LedgerManager__factory.js', 'LedgerManager__factory'),
  inference: factory('inference/contract/typechain/factories/InferenceServing__factory.js', 'InferenceServing__factory'),
}));
