// The package as the code blocks of docs/node.md see it, with the Client pointed at the stand-in
// whose URL docs.test.mjs puts in MSGRKIT_DOCS_GRAPH_URL. Everything else is the real
// module.
import { Client as RealClient } from '../index.mjs'

export * from '../index.mjs'

export class Client extends RealClient {
  constructor(config) {
    super({ ...config, baseUrl: process.env.MSGRKIT_DOCS_GRAPH_URL })
  }
}
