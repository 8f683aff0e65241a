// The height left for a list under the header, filters and title (follows window resizes).
import { useEffect, useState } from 'react';

export function useWindowHeight(reserved: number, min = 240): number {
  const [h, setH] = useState(() => Math.max(min, window.innerHeight - reserved));
  useEffect(() => {
    const on = () => setH(Math.max(min, window.innerHeight - reserved));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, [reserved, min]);
  return h;
}
