// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {TicketFactory} from "../TicketFactory.sol";
import {EventTicket} from "../EventTicket.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";

/// ERC-721 / ERC-7572 metadata URLs read through the factory's one metadata base, and the ERC-4906
/// events that tell wallets a ticket's status changed (check-in, identity binding, cancellation).
contract EventTicketMetadataTest is TicketFixture {
    string internal constant BASE = "http://127.0.0.1:4100";
    bytes32 internal constant ALICE_ID = keccak256("hmac(alice id)");

    function test_uris_emptyWhileNoBase() public {
        uint256 id = _mint(FREE, alice, 1);
        assertEq(ticket.tokenURI(id), "");
        assertEq(ticket.contractURI(), "");
    }

    function test_uris_pointAtTheServer() public {
        vm.chainId(4242);
        _setBase(BASE);
        uint256 id = _mint(FREE, alice, 2) + 1;
        string memory expected = string.concat(BASE, "/metadata/4242/", _lowerHex(address(ticket)));
        assertEq(ticket.contractURI(), expected);
        assertEq(ticket.tokenURI(id), string.concat(expected, "/2"));
    }

    function test_uris_followEveryBaseChange_forEveryEvent() public {
        vm.prank(organizer);
        EventTicket other = EventTicket(factory.createEventWithTiers(_config(), _tiers()));
        _setBase(BASE);
        _setBase("https://tickets.example.org");
        assertEq(
            other.contractURI(),
            string.concat("https://tickets.example.org/metadata/31337/", _lowerHex(address(other)))
        );
        _setBase("");
        assertEq(ticket.contractURI(), "");
    }

    function test_tokenURI_nonexistent_reverts() public {
        _setBase(BASE);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 9));
        ticket.tokenURI(9);
    }

    function test_setMetadataBase_emitsAndStoresOnce() public {
        vm.expectEmit(address(factory));
        emit TicketFactory.MetadataBaseChanged(BASE);
        factory.setMetadataBase(BASE);
        assertEq(factory.metadataBase(), BASE);
    }

    function test_setMetadataBase_notOwner_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, organizer));
        vm.prank(organizer);
        factory.setMetadataBase(BASE);
    }

    function test_setMetadataBase_trailingSlash_reverts() public {
        vm.expectRevert(TicketFactory.TicketFactoryBadMetadataBase.selector);
        factory.setMetadataBase("http://127.0.0.1:4100/");
    }

    function test_supportsInterface_erc4906() public view {
        assertTrue(ticket.supportsInterface(0x49064906));
        assertTrue(ticket.supportsInterface(0x80ac58cd)); // ERC-721 still
        assertFalse(ticket.supportsInterface(0xffffffff));
    }

    function test_checkIn_oneTicket_emitsMetadataUpdate() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.expectEmit(address(ticket));
        emit IERC4906.MetadataUpdate(id);
        _checkIn(_ids(id, id, id));
    }

    /// One event per batch, spanning the lowest to the highest id checked in, whatever the order.
    function test_checkIn_batch_emitsOneRange() public {
        uint256 first = _mint(FREE, alice, 3);
        vm.recordLogs();
        _checkIn(_ids(first + 2, first, first + 1));
        (uint256 updates, uint256 from, uint256 to) = _metadataLogs(vm.getRecordedLogs());
        assertEq(updates, 1);
        assertEq(from, first);
        assertEq(to, first + 2);
    }

    function test_checkIn_retriedBatch_emitsNoMetadataEvent() public {
        uint256 id = _mint(FREE, alice, 1);
        _checkIn(_ids(id, id, id));
        vm.recordLogs();
        _checkIn(_ids(id, id, id));
        (uint256 updates,,) = _metadataLogs(vm.getRecordedLogs());
        assertEq(updates, 0);
    }

    function test_bindIdentity_emitsMetadataUpdate() public {
        _configure(0, uint256(2 days) << (32 * uint256(FREE)));
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.expectEmit(address(ticket));
        emit IERC4906.MetadataUpdate(id);
        vm.prank(alice);
        ticket.bindIdentity(id, ALICE_ID, sig);
    }

    function test_cancelEvent_emitsBatchForEveryToken() public {
        vm.expectEmit(address(ticket));
        emit IERC4906.BatchMetadataUpdate(0, type(uint256).max);
        _cancelEvent();
    }

    function _setBase(string memory base) internal {
        factory.setMetadataBase(base); // this test deployed the factory: it is the owner
    }

    function _checkIn(uint256[] memory ids) internal {
        vm.prank(gate);
        ticket.checkIn(ids);
    }

    function _ids(uint256 a, uint256 b, uint256 c) internal pure returns (uint256[] memory ids) {
        if (a == b && b == c) {
            ids = new uint256[](1);
            ids[0] = a;
        } else {
            ids = new uint256[](3);
            (ids[0], ids[1], ids[2]) = (a, b, c);
        }
    }

    /// Count of ERC-4906 events in `logs`, and the range of the last `BatchMetadataUpdate`.
    function _metadataLogs(Vm.Log[] memory logs) internal pure returns (uint256 n, uint256 from, uint256 to) {
        for (uint256 i; i < logs.length; ++i) {
            bytes32 topic = logs[i].topics[0];
            if (topic == IERC4906.MetadataUpdate.selector) ++n;
            if (topic == IERC4906.BatchMetadataUpdate.selector) {
                ++n;
                (from, to) = abi.decode(logs[i].data, (uint256, uint256));
            }
        }
    }

    /// `a` as 0x + 40 lowercase hex digits, written out here rather than with the contract's own library.
    function _lowerHex(address a) internal pure returns (string memory) {
        bytes memory out = new bytes(42);
        (out[0], out[1]) = ("0", "x");
        for (uint256 i; i < 20; ++i) {
            uint8 b = uint8(uint160(a) >> (8 * (19 - i)));
            out[2 + 2 * i] = bytes1(_digit(b >> 4));
            out[3 + 2 * i] = bytes1(_digit(b & 15));
        }
        return string(out);
    }

    function _digit(uint8 d) private pure returns (uint8) {
        return d < 10 ? 48 + d : 87 + d;
    }
}
