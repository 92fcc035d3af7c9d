/** A unified social credit code the app accepts: 91440300MA5F, five digits from `seed`, and the
 * GB 32100 check character. */
export function creditCode(seed: number): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const prefix = `91440300MA5F${String(seed).padStart(5, "0")}`;
  let sum = 0;
  let weight = 1;
  for (const c of prefix) {
    sum += alphabet.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  return prefix + alphabet[(31 - (sum % 31)) % 31];
}
