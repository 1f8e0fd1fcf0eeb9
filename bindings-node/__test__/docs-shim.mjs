// The package as the README's snippets see it, with the Client pointed at the stand-in
// whose URL readme.test.mjs puts in MSGRKIT_README_GRAPH_URL. Everything else is the real
// module.
import { Client as RealClient } from '../index.mjs'

export * from '../index.mjs'

export class Client extends RealClient {
  constructor(config) {
    super({ ...config, baseUrl: process.env.MSGRKIT_README_GRAPH_URL })
  }
}
