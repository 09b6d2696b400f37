// One part's decoded bytes, and the links in a message's HTML parts (for the link checker).
// Owns: engine.inspect's structure members (createStructureInspect), finding a part by its path in the mailsplit walk (mime-tree.ts), and tokenizing HTML with htmlparser2
// to list every `<a href>` and `<img src>` with its text / alt.
// Must not: hand-parse MIME or HTML, fetch or judge URLs, or read the store (callers pass the raw bytes).
import { Parser } from 'htmlparser2';
import type { MessageLink } from '../../contract/mime-tree';
import type { MimePartContent, StructureInspect } from './api';
import { inlineLeaves, mimeTree, partText, walkMime } from './mime-tree';

/** engine.inspect's structure members over the stored raw bytes (`raw(id)` = the message store's). */
export function createStructureInspect(raw: (messageId: string) => Promise<Buffer | undefined>): StructureInspect {
  return {
    mimeTree: async (id) => {
      const bytes = await raw(id);
      return bytes && mimeTree(id, bytes);
    },
    part: async (id, path) => {
      const bytes = await raw(id);
      return bytes && partContent(bytes, path);
    },
    links: async (id) => {
      const bytes = await raw(id);
      return bytes && messageLinks(bytes);
    },
  };
}

/** The decoded body of leaf `path`; undefined when there is no such leaf (multiparts have no body to show). */
export async function partContent(raw: Buffer, path: string): Promise<MimePartContent | undefined> {
  const part = (await walkMime(raw)).find((p) => p.path === path && !p.multipart);
  if (!part) return undefined;
  return {
    path: part.path,
    contentType: (part.node.contentType || 'text/plain').toLowerCase(),
    charset: part.node.charset || null,
    filename: part.node.filename || null,
    data: part.decoded,
  };
}

/** Every `<a href>` and `<img src>` in the text/html leaves that are not attachments, in document order. */
export async function messageLinks(raw: Buffer): Promise<MessageLink[]> {
  const links: MessageLink[] = [];
  for (const part of inlineLeaves(await walkMime(raw), 'text/html')) links.push(...linksIn(partText(part), part.path));
  return links;
}

/** Tokenize `html` and collect its links; `<a>` text is gathered until the matching close tag. */
export function linksIn(html: string, partPath: string): MessageLink[] {
  const out: MessageLink[] = [];
  const openAnchors: { link: MessageLink | null; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'a' && attrs.href !== undefined) {
          const link: MessageLink = { kind: 'a', url: attrs.href.trim(), text: null, partPath };
          out.push(link);
          openAnchors.push({ link, text: '' });
        } else if (name === 'a') {
          openAnchors.push({ link: null, text: '' });
        }
        if (name === 'img' && attrs.src !== undefined) {
          out.push({ kind: 'img', url: attrs.src.trim(), text: collapse(attrs.alt ?? ''), partPath });
        }
      },
      ontext(text) {
        for (const open of openAnchors) open.text += text;
      },
      onclosetag(name) {
        if (name !== 'a') return;
        const open = openAnchors.pop();
        if (open?.link) open.link.text = collapse(open.text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return out;
}

function collapse(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  return t || null;
}
