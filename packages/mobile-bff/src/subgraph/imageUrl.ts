import { GraphQLError } from 'graphql';

/** Where the mobile app loads product images from. */
export const defaultImageBaseUrl = 'https://images.example.com';

/** The pixel widths the image service renders; a request is rounded up to the next one. */
export const imagePixelWidths = [64, 128, 256, 384, 512, 768, 1024, 1536, 2048] as const;

/** Largest width in points and largest pixel ratio a phone may ask for. */
export const maxImageWidth = 1024;
export const maxImageDensity = 4;

/**
 * The URL of an image (`imagePath`, e.g. `/images/100001.jpg`) at `width` points on a screen of
 * `density`: `${base}${imagePath}?w=<pixels>`, pixels rounded up to an `imagePixelWidths` entry
 * (so the image service and caches see a few sizes, not every phone's) and capped at the largest.
 * Throws BAD_USER_INPUT for a width or density out of range.
 */
export function imageUrl(imagePath: string, width: number, density: number, base = defaultImageBaseUrl): string {
  if (!Number.isInteger(width) || width < 1 || width > maxImageWidth) {
    throw new GraphQLError(`imageUrl(width:) must be an integer from 1 to ${maxImageWidth}, but got: ${width}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (!(density >= 1 && density <= maxImageDensity)) {
    throw new GraphQLError(`imageUrl(density:) must be from 1 to ${maxImageDensity}, but got: ${density}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const pixels = Math.ceil(width * density);
  const snapped = imagePixelWidths.find((candidate) => candidate >= pixels) ?? Math.max(...imagePixelWidths);
  return `${base}${imagePath}?w=${snapped}`;
}
