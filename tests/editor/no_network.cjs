// Loaded into the language server with `node --require` (NODE_OPTIONS): the machine is offline.
// Every connection fails the way it does without a network (an asynchronous ENETUNREACH on the
// socket; a failed DNS lookup), and each attempt is written to stderr with the marker below, so
// tests/editor/test_yaml_language_server.py can tell what the server tried to reach.
"use strict";
const net = require("net");
const dns = require("dns");

const MARKER = "cjm-test: network attempt:";

function offline(what) {
  process.stderr.write(`${MARKER} ${what}\n`);
  const error = new Error(`${what}: the network is unreachable`);
  error.code = "ENETUNREACH";
  return error;
}

net.Socket.prototype.connect = function connect(...args) {
  const target = typeof args[0] === "object" && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  const error = offline(`connect ${target.host || target.path || "localhost"}:${target.port || ""}`);
  process.nextTick(() => this.destroy(error));
  return this;
};

dns.lookup = function lookup(host, options, callback) {
  const done = typeof options === "function" ? options : callback;
  const error = offline(`lookup ${host}`);
  error.code = "ENOTFOUND";
  process.nextTick(() => done(error));
};
