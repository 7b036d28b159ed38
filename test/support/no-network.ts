import http from 'node:http';
import https from 'node:https';
import { MockAgent, setGlobalDispatcher } from 'undici';

// The default test run must never reach the internet. fetch() goes through undici; loopback fakes
// started by the tests themselves stay reachable.
const agent = new MockAgent();
agent.disableNetConnect();
agent.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
setGlobalDispatcher(agent);

// The same for node:http(s) agents (the LLM client's keep-alive fetch uses them): a connection to
// anything but loopback fails at once.
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|::1|\[::1\])$/;
for (const AgentClass of [http.Agent, https.Agent]) {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with the agent as `this` (apply below)
  const createConnection = AgentClass.prototype.createConnection;
  AgentClass.prototype.createConnection = function guardedConnection(this: http.Agent, ...args: Parameters<typeof createConnection>) {
    const options = args[0] as { host?: string | null; socketPath?: string } | undefined;
    const host = options?.host ?? 'localhost';
    if (options?.socketPath || LOOPBACK_HOST.test(host)) return createConnection.apply(this, args);
    const refused = new Error(`network access refused in tests: ${host}`);
    const callback: unknown = args[1];
    if (typeof callback !== 'function') throw refused;
    // the agent reports it as the request's 'error', as it would a failed connect
    (callback as (error: Error) => void)(refused);
    return undefined;
  };
}
