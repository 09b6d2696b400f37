// The seam between the AWS HTTP endpoint (adapters/aws-endpoint) and the protocol layer.
// The adapter does socket I/O and hands a fully read request here; the protocol layer routes, parses,
// validates, invokes a handler and serializes — it never touches sockets.

export interface AwsHttpRequest {
  method: string;
  /** Raw path without the query string, exactly as received (never normalised: two v2 paths end in '/'). */
  path: string;
  /** Raw query string without '?', possibly empty. */
  query: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: Buffer;
  /** Peer address, for `ses:source-ip`. */
  sourceIp: string;
}

export interface AwsHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type AwsRequestHandler = (req: AwsHttpRequest) => Promise<AwsHttpResponse>;
