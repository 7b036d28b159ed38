import { MockAgent, setGlobalDispatcher } from 'undici';

// The default test run must never reach the internet. fetch() goes through undici; loopback fakes
// started by the tests themselves stay reachable.
const agent = new MockAgent();
agent.disableNetConnect();
agent.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
setGlobalDispatcher(agent);
