// The search box: debounced free text (subject, from, to, body), "/" focuses it, Escape clears it.
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useStore } from '../../stores';

export const SEARCH_INPUT_ID = 'search-input';
const DEBOUNCE_MS = 200;

export function SearchBox() {
  const setQuery = useStore((s) => s.setQuery);
  const [text, setText] = useState(() => useStore.getState().query);
  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setQuery(debounced.trim());
  }, [debounced, setQuery]);

  return (
    <div className="search" role="search">
      <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
        Search messages
      </label>
      <Icon name="search" size={15} className="search-icon" />
      <input
        ref={input}
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        placeholder="Search subject, from, to, body…  ( / )"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (text) setText('');
            else input.current?.blur();
          } else if (e.key === 'Enter') {
            setQuery(text.trim());
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            input.current?.blur();
            useStore.getState().moveSelection(1);
          }
        }}
        data-testid="search-input"
      />
    </div>
  );
}
