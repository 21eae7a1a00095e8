export { listenOnFreePort, type RunningServer } from './listen.js';
export { startServices, serviceNames, type RunningServices, type ServiceName } from './startServices.js';
export { startTestBff, postGraphQL, type ClientName, type GraphQLHttpResponse, type TestBff } from './startTestBff.js';
