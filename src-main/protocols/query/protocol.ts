// awsQuery as a WireProtocol (SES v1 and SNS): read `Action` and the form, write XML.
// Owns: the response frame `<{Action}Response xmlns><{Action}Result>…</{Action}Result><ResponseMetadata>
// <RequestId/></ResponseMetadata></{Action}Response>` (an empty `<{Action}Result/>` when the output has no
// members, no Result at all when the operation has no output shape), and the error frame
// `<ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
// Must not: decide anything about SES; it only translates. See ses-facts §A.2 (v1 XML conventions).
import { errors } from '../../core/errors';
import type { SesError } from '../../core/errors';
import type { AwsHttpRequest, AwsHttpResponse } from '../http-types';
import type { WireObject } from '../handler-types';
import type { OperationModel, ServiceModel } from '../model/types';
import { structureOf } from '../model/types';
import type { WireProtocol } from '../wire-protocol';
import { queryErrorStatus } from '../wire-protocol';
import { parseForm, readQuery } from './form-codec';
import { element, escapeXml, escapeXmlAttribute, writeXml } from './xml-codec';

const XML_TYPE = 'text/xml';

/** The request's parameters: the query string, then (for form posts) the body. */
export function queryParams(req: AwsHttpRequest): Map<string, string> {
  const type = req.headers['content-type'] ?? '';
  const form = req.method.toUpperCase() !== 'GET' && (type === '' || type.toLowerCase().startsWith('application/x-www-form-urlencoded'));
  return form ? parseForm(req.query, req.body.toString('utf8')) : parseForm(req.query);
}

export function createQueryProtocol(model: ServiceModel): WireProtocol {
  const xmlns = escapeXmlAttribute(model.xmlNamespace ?? '');
  return {
    model,
    decode(req) {
      const params = queryParams(req);
      const action = params.get('Action');
      if (!action) throw errors.missingAction();
      const operation = Object.hasOwn(model.operations, action) ? model.operations[action] : undefined;
      if (!operation) throw errors.invalidAction(action);
      params.delete('Action');
      params.delete('Version');
      const input = operation.input ? (readQuery(model, operation.input, params) as WireObject) : {};
      return { operation, input };
    },

    encode(operation: OperationModel, output: WireObject | undefined, requestId: string): AwsHttpResponse {
      const name = operation.name;
      const shape = structureOf(model, operation.output);
      const result = shape && operation.output ? element(`${name}Result`, writeXml(model, operation.output, output ?? {})) : '';
      const metadata = element('ResponseMetadata', element('RequestId', escapeXml(requestId)));
      const body = `<${name}Response xmlns="${xmlns}">${result}${metadata}</${name}Response>\n`;
      return { status: 200, headers: { 'Content-Type': XML_TYPE, 'x-amzn-RequestId': requestId }, body };
    },

    encodeError(error: SesError, requestId: string): AwsHttpResponse {
      const inner =
        element('Type', error.fault === 'server' ? 'Receiver' : 'Sender') +
        element('Code', escapeXml(error.wire.v1)) +
        element('Message', escapeXml(error.message));
      const body = `<ErrorResponse xmlns="${xmlns}">${element('Error', inner)}${element('RequestId', escapeXml(requestId))}</ErrorResponse>\n`;
      return { status: queryErrorStatus(model, error), headers: { 'Content-Type': XML_TYPE, 'x-amzn-RequestId': requestId }, body };
    },
  };
}
