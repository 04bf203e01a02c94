import { voorbeeldKpiBewijzen, voorbeeldTheorie, VT } from '../testing';
import { verhalenBijTheorie } from './verhalen';

describe('verhalenBijTheorie', () => {
  const theorie = { ...voorbeeldTheorie(), kpiBewijzen: voorbeeldKpiBewijzen() };

  it('counts an explicit link and the elements of the KPIs a story illustrates, in theory order', () => {
    const verhalen = verhalenBijTheorie(
      theorie,
      [{ id: 'c1', kpiIds: ['kpi-wt-02'] }],
      [{ casusId: 'c1', elementId: VT.socialeBasis }],
    );
    expect(verhalen).toEqual([{ id: 'c1', elementIds: [VT.zelfVerder, VT.socialeBasis] }]);
  });

  it('leaves out stories that show nothing in the theory, the ambitie and removed elements', () => {
    const verhalen = verhalenBijTheorie(
      theorie,
      [
        { id: 'c1', kpiIds: ['kpi-elders'] },
        { id: 'c2', kpiIds: [] },
      ],
      [
        { casusId: 'c2', elementId: VT.ambitie },
        { casusId: 'c2', elementId: 'el-verwijderd' },
        { casusId: 'c3', elementId: VT.inloop },
      ],
    );
    expect(verhalen).toEqual([]);
  });
});
