// Automation routes for Sesame's local DNS zone (issue 5 authentication inspection):
//   GET    /_sesame/dns   → 200 {records: [{name, type, value}] (the user's), zone: [{name, type, value, identity}]
//                            (everything resolvable: identities' published records and the user's, identity
//                            "(user)"), realDnsFallback}
//   POST   /_sesame/dns   → 201 {name, type, value}   body {name, type: TXT|CNAME|MX|A, value}
//                          → 200 {realDnsFallback}      body {realDnsFallback: true|false} (lookups the zone cannot
//                            answer go to real DNS; off by default)
//   DELETE /_sesame/dns?name=&type=[&value=]  → 204 (every value at name+type when value is omitted); 404 none
// e.g. POST {"name": "_dmarc.example.com", "type": "TXT", "value": "v=DMARC1; p=reject"}.
// Invalid records answer 400 `{code: "BadRequestException", message}`.
// Owns: these paths' JSON shapes. Must not: validate records itself (engine.inspect.dns does).
import type { AutomationRoute } from './types';
import { badRequest, objectBody, onlyKnown, optionalBoolean, reply } from './types';

export const dnsRoutes: readonly AutomationRoute[] = [
  {
    method: 'GET',
    path: '/_sesame/dns',
    handle: ({ engine }) => ({
      records: engine.inspect.dns.list(),
      zone: engine.identities.zone.records(),
      realDnsFallback: engine.inspect.dns.realDnsFallback(),
    }),
  },
  {
    method: 'POST',
    path: '/_sesame/dns',
    handle(req) {
      const body = objectBody(req);
      if ('realDnsFallback' in body) {
        onlyKnown(body, ['realDnsFallback']);
        return { realDnsFallback: req.engine.inspect.dns.realDnsFallback(optionalBoolean(body, 'realDnsFallback')) };
      }
      onlyKnown(body, ['name', 'type', 'value']);
      return reply(201, req.engine.inspect.dns.add(body));
    },
  },
  {
    method: 'DELETE',
    path: '/_sesame/dns',
    handle({ engine, query }) {
      const name = query.get('name');
      const type = query.get('type');
      if (!name || !type) throw badRequest('name and type are required query parameters.');
      engine.inspect.dns.remove(name, type, query.get('value') ?? undefined);
      return reply(204);
    },
  },
];
