import { Injectable, OnModuleInit } from '@nestjs/common';
import { OverlegDocumentRegistry } from '@wijkkompas/overleggen';
import { renderOverlegHtml } from '../render/overleg.html';

/** Agendas and verslagen render through the dossier's HTML path. */
@Injectable()
export class OverlegWeergaveBron implements OnModuleInit {
  constructor(private readonly registry: OverlegDocumentRegistry) {}

  onModuleInit(): void {
    this.registry.registreer(renderOverlegHtml);
  }
}
