/**
 * Where a material field sends its files and finds e-licences: the signed-in
 * citizen's own (default), or, for an agent applying under a resident's
 * consent, the agent routes that file them as the resident's.
 */
import { API, type ApiClient, type Licence, type UploadedFile, type UploadProgress, type UploadSource } from '@tongban/core'

export interface MaterialSource {
  upload(file: UploadSource, options: { materialId?: string; itemCode?: string; onProgress?: (p: UploadProgress) => void }): Promise<UploadedFile>
  licences(): Promise<Licence[]>
  /** Forgets an upload the form no longer uses; may do nothing (the BFF sweeps unused files). */
  remove(fileId: string): Promise<void>
}

export function citizenMaterials(api: ApiClient): MaterialSource {
  return {
    upload: (file, options) => api.uploadFile(file, options),
    licences: () => api.call(API.licences.mine),
    remove: (id) => api.deleteUpload(id),
  }
}

export function agentMaterials(api: ApiClient, consentId: string): MaterialSource {
  return {
    upload: (file, options) => api.agentUploadFile(consentId, file, options),
    licences: () => api.call(API.licences.agent, { params: { id: consentId } }),
    // An agent cannot delete the resident's files; an unused one is swept after the retention period.
    remove: async () => {},
  }
}
