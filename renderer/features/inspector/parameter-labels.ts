/**
 * The request parameters by the names an artist reads, the same before a request ("What the model
 * reads") and after it (the take viewer): the API's own keys (`n`, `style_type`) mean little to
 * most artists. A key not listed here (from a newer or older file) is shown as it is stored.
 */
const PARAMETER_LABELS: Readonly<Record<string, string>> = {
  model: 'Model',
  size: 'Size',
  n: 'Images (n)',
  seed: 'Seed',
  style_type: 'Style type',
  rendering_speed: 'Rendering speed',
  magic_prompt: 'Magic prompt',
  negative_prompt: 'Negative prompt',
  color_palette: 'Colour palette',
  image_weight: 'Image weight',
  remote_job_id: 'Gateway job',
};

export function parameterLabel(key: string): string {
  return PARAMETER_LABELS[key] ?? key;
}
